using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// Usage: PublicTypes <assembly.dll> <most public types allowed>
// Prints the count and the names; exits 1 when the count is over the bound.
if (args.Length != 2 || !int.TryParse(args[1], out var most))
{
    Console.Error.WriteLine("usage: PublicTypes <assembly.dll> <most public types allowed>");
    return 2;
}

using var file = File.OpenRead(args[0]);
using var pe = new PEReader(file);
var metadata = pe.GetMetadataReader();
var names = metadata.TypeDefinitions
    .Select(metadata.GetTypeDefinition)
    .Where(type => IsVisible(metadata, type))
    .Select(type => metadata.GetString(type.Namespace) + "." + metadata.GetString(type.Name))
    .Order(StringComparer.Ordinal)
    .ToList();

Console.WriteLine($"{Path.GetFileName(args[0])}: {names.Count} public types (at most {most}): {string.Join(", ", names)}");
return names.Count <= most ? 0 : 1;

static bool IsVisible(MetadataReader metadata, TypeDefinition type)
{
    while (true)
    {
        switch (type.Attributes & TypeAttributes.VisibilityMask)
        {
            case TypeAttributes.Public:
                return true;
            case TypeAttributes.NestedPublic:
                type = metadata.GetTypeDefinition(type.GetDeclaringType());
                break;
            default:
                return false;
        }
    }
}
