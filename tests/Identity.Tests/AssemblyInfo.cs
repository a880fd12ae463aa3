using Quartier.Testing;

[assembly: AssemblyFixture(typeof(PlatformInfrastructure))]
