using System.Data;
using System.Data.Common;

namespace Dispatch.Silo.Storage.GroupCommit;

/// <summary>Copies every result set of a reader into a <see cref="DataSet"/>, so that the reader's connection can go on
/// to the next statement of the group while the caller reads its rows later.</summary>
internal static class ResultSets
{
    public static DataSet Read(DbDataReader reader)
    {
        var sets = new DataSet { Locale = System.Globalization.CultureInfo.InvariantCulture };
        do
        {
            var rows = new List<object[]>();
            var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
            while (reader.Read())
            {
                var row = new object[reader.FieldCount];
                reader.GetValues(row);
                rows.Add(row);
            }

            var table = new DataTable { Locale = sets.Locale };
            for (var c = 0; c < names.Length; c++)
            {
                table.Columns.Add(names[c], ColumnType(rows, c));
            }

            foreach (var row in rows)
            {
                table.Rows.Add(row.Select((v, c) => Narrow(v, table.Columns[c].DataType)).ToArray());
            }

            sets.Tables.Add(table);
            NoFinalizer(table);
            foreach (DataColumn column in table.Columns)
            {
                NoFinalizer(column);
            }
        }
        while (reader.NextResult());

        NoFinalizer(sets);
        return sets;
    }

    // DataSet, DataTable and DataColumn inherit a finalizer (MarshalByValueComponent) but hold nothing unmanaged, and
    // nobody disposes them here: left alone, every write's result sets would queue for the finalizer thread, which
    // cost a tenth of the silo's CPU under load (bench/README.md "Durable writes").
#pragma warning disable CA1816 // SuppressFinalize on objects that hold no unmanaged resource, outside Dispose, on purpose.
    private static void NoFinalizer(object component) => GC.SuppressFinalize(component);
#pragma warning restore CA1816

    // SQLite hands every integer back as Int64, and its reader converts on GetInt32; a DataTableReader only casts.
    // Versions are read with GetInt32, so a column whose integers all fit is kept as Int32.
    private static Type ColumnType(List<object[]> rows, int column)
    {
        var values = rows.Select(r => r[column]).Where(v => v is not DBNull).ToList();
        if (values.Count == 0)
        {
            return typeof(object);
        }

        if (values.All(v => v is long l && l is >= int.MinValue and <= int.MaxValue))
        {
            return typeof(int);
        }

        var first = values[0].GetType();
        return values.All(v => v.GetType() == first) ? first : typeof(object);
    }

    private static object Narrow(object value, Type type) =>
        type == typeof(int) && value is long l ? (int)l : value;
}
