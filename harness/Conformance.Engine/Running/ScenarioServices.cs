using System.Reflection;

namespace Conformance.Engine.Running;

/// <summary>
/// Context injection in Reqnroll's manner: a binding class, driver or context asks for what it needs in its
/// constructor, and gets one instance per scenario. Everything created here is disposed when the scenario
/// ends, newest first, so processes and pipes never outlive their scenario.
/// </summary>
internal sealed class ScenarioServices : IAsyncDisposable
{
    private static readonly TimeSpan DisposeBound = TimeSpan.FromSeconds(30);
    private readonly Dictionary<Type, object> _instances = [];
    private readonly List<object> _created = [];
    private readonly HashSet<Type> _resolving = [];
    private readonly IReadOnlyDictionary<Type, object> _runServices;

    /// <summary>Creates the container; <paramref name="runServices"/> are shared by every scenario of the run.</summary>
    public ScenarioServices(IReadOnlyDictionary<Type, object> runServices) => _runServices = runServices;

    /// <summary>Makes <paramref name="instance"/> the scenario's <typeparamref name="T"/>.</summary>
    public void Register<T>(T instance)
        where T : notnull => _instances[typeof(T)] = instance;

    /// <summary>The scenario's instance of <paramref name="type"/>, created on first use.</summary>
    public object Resolve(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (_instances.TryGetValue(type, out var existing) || _runServices.TryGetValue(type, out existing))
        {
            return existing;
        }

        if (!_resolving.Add(type))
        {
            throw new InvalidOperationException($"{type.Name} depends on itself through its constructor.");
        }

        try
        {
            var constructor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance).OrderByDescending(candidate => candidate.GetParameters().Length).FirstOrDefault()
                ?? throw new InvalidOperationException($"{type.Name} has no public constructor to inject.");
            var arguments = constructor.GetParameters().Select(parameter => Resolve(parameter.ParameterType)).ToArray();
            var instance = constructor.Invoke(arguments);
            _instances[type] = instance;
            _created.Add(instance);
            return instance;
        }
        finally
        {
            _resolving.Remove(type);
        }
    }

    /// <summary>The scenario's <typeparamref name="T"/>.</summary>
    public T Resolve<T>() => (T)Resolve(typeof(T));

    /// <summary>Disposes what this container created, newest first; a disposal that hangs is abandoned after a bound.</summary>
    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        for (var index = _created.Count - 1; index >= 0; index--)
        {
            try
            {
                switch (_created[index])
                {
                    case IAsyncDisposable asyncDisposable:
                        await asyncDisposable.DisposeAsync().AsTask().WaitAsync(DisposeBound).ConfigureAwait(false);
                        break;
                    case IDisposable disposable:
                        disposable.Dispose();
                        break;
                    default:
                        break;
                }
            }
            catch (Exception exception)
            {
                errors.Add(exception);
            }
        }

        _created.Clear();
        if (errors.Count > 0)
        {
            throw new AggregateException("Cleaning up the scenario failed.", errors);
        }
    }
}
