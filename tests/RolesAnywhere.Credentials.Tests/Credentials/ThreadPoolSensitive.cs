namespace RolesAnywhere.Credentials.Tests.Credentials;

/// <summary>Tests that measure waits in real time or load the thread pool on purpose run alone, not beside other tests.</summary>
[CollectionDefinition(nameof(ThreadPoolSensitive), DisableParallelization = true)]
public sealed class ThreadPoolSensitive;
