using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// The generated benchmark project is built while other work shares the machine (2 cores on CI):
// allow it more than BenchmarkDotNet's default two minutes.
IConfig config = ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(15));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
