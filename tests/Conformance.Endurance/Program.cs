using Conformance.Endurance;

// The endurance check: thousands of real sessions and certifications in one process, and whether any resource grows.
return await EnduranceCommand.RunAsync(args);
