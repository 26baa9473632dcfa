using MicroInternships.Insights.Domain;
using Npgsql;
using NpgsqlTypes;

namespace MicroInternships.Insights.Data;

/// <summary>
/// A scope as SQL, for the few figures read from the database (<see cref="SummarySql"/>): the period over a fact's own
/// moment, and its fund. Only fixed text is ever spliced in; every value is a parameter.
/// </summary>
public sealed class ScopeSql(InsightsScope scope)
{
    public bool HasFund => scope.FundId is not null;

    public string Period(string column) =>
        $"{column} IS NOT NULL"
        + (scope.From is null ? "" : $" AND {column} >= @from")
        + (scope.To is null ? "" : $" AND {column} < @to");

    public NpgsqlBatchCommand Command(string sql)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(Parameters().ToArray());
        return command;
    }

    private IEnumerable<NpgsqlParameter> Parameters()
    {
        if (scope.From is { } from)
        {
            yield return new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from };
        }

        if (scope.To is { } to)
        {
            yield return new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = to };
        }

        if (scope.FundId is { } fund)
        {
            yield return new NpgsqlParameter("fund", NpgsqlDbType.Uuid) { Value = fund };
        }
    }
}
