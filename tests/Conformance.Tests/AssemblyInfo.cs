// Scenarios against real processes mostly wait: run more of them at once than there are cores.
[assembly: Parallelizable(ParallelScope.Children)]
[assembly: LevelOfParallelism(6)]
