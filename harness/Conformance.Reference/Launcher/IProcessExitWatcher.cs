namespace Conformance.Reference.Launcher;

/// <summary>Tells when a process exits. Real processes are polled; scenarios simulate them.</summary>
public interface IProcessExitWatcher
{
    /// <summary>Calls <paramref name="exited"/> once when <paramref name="processId"/> has exited; disposing stops watching.</summary>
    IDisposable Watch(int processId, Action exited);
}
