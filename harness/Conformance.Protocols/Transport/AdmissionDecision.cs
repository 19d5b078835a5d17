namespace Conformance.Protocols.Transport;

/// <summary>Whether a server lets a connected client in, and why; the reason ends up in logs and reports.</summary>
public sealed record AdmissionDecision(bool Admitted, string Reason)
{
    /// <summary>Lets the client in.</summary>
    public static AdmissionDecision Admit(string reason) => new(true, reason);

    /// <summary>Closes the client's connection without writing a byte.</summary>
    public static AdmissionDecision Refuse(string reason) => new(false, reason);
}

/// <summary>Decides on a client the operating system has already let through.</summary>
public delegate ValueTask<AdmissionDecision> ClientAdmission(PipeClientIdentity client, CancellationToken cancellationToken);

/// <summary>A client the server closed without writing to it.</summary>
public sealed record ClientRefusal(PipeClientIdentity Client, string Reason);
