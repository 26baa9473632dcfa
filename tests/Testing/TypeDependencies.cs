using System.Reflection;
using System.Reflection.Emit;

namespace MicroInternships.Testing;

/// <summary>
/// The types a type's compiled code uses: its attributes, base type and interfaces, its fields and method signatures, and
/// in its method bodies their locals, the types they catch and every type, field and method (with its type arguments)
/// they name, read from the IL. Compiler-made nested types (lambdas, async state machines) are types of the same
/// namespace, so a namespace's dependencies include theirs. Constants leave no trace in IL and are not seen.
/// </summary>
public static class TypeDependencies
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly Dictionary<short, OpCode> _opCodes = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(field => (OpCode)field.GetValue(null)!)
        .ToDictionary(code => code.Value);

    public static IEnumerable<Type> Of(Type type)
    {
        var found = new HashSet<Type>();
        foreach (var attribute in type.GetCustomAttributesData())
        {
            Add(found, attribute.AttributeType);
        }

        Add(found, type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(found, contract);
        }

        foreach (var field in type.GetFields(Everything))
        {
            Add(found, field.FieldType);
        }

        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info)
            {
                Add(found, info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(found, parameter.ParameterType);
            }

            foreach (var member in MembersNamedIn(method))
            {
                AddMember(found, member);
            }

            var body = method.GetMethodBody();
            foreach (var local in body?.LocalVariables ?? [])
            {
                Add(found, local.LocalType);
            }

            foreach (var clause in body?.ExceptionHandlingClauses ?? [])
            {
                if (clause.Flags == ExceptionHandlingClauseOptions.Clause)
                {
                    Add(found, clause.CatchType);
                }
            }
        }

        return found;
    }

    private static IEnumerable<MemberInfo> MembersNamedIn(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? _opCodes[unchecked((short)(0xFE00 | il[at + 1]))] : _opCodes[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineType or OperandType.InlineTok)
            {
                var member = Resolve(method.Module, BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                if (member is not null)
                {
                    yield return member;
                }
            }

            at += OperandSize(code.OperandType, il, at);
        }
    }

    private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            return module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static int OperandSize(OperandType operand, byte[] il, int at) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
        _ => 4,
    };

    private static void AddMember(HashSet<Type> found, MemberInfo member)
    {
        switch (member)
        {
            case Type type:
                Add(found, type);
                break;
            case FieldInfo field:
                Add(found, field.DeclaringType);
                Add(found, field.FieldType);
                break;
            case MethodBase method:
                Add(found, method.DeclaringType);
                foreach (var argument in method.IsGenericMethod ? method.GetGenericArguments() : [])
                {
                    Add(found, argument);
                }

                if (method is MethodInfo info)
                {
                    Add(found, info.ReturnType);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Add(found, parameter.ParameterType);
                }

                break;
        }
    }

    private static void Add(HashSet<Type> found, Type? type)
    {
        if (type is null || type.IsGenericParameter)
        {
            return;
        }

        if (type.HasElementType)
        {
            Add(found, type.GetElementType());
            return;
        }

        if (!found.Add(type))
        {
            return;
        }

        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Add(found, argument);
            }
        }
    }
}
