using System.Text.Json.Serialization;
using Npgsql;
using NpgsqlTypes;

namespace Quartier.ServiceDefaults.Mail;

[JsonConverter(typeof(JsonStringEnumConverter<MailState>))]
public enum MailState
{
    /// <summary>Waiting for its time or its next attempt.</summary>
    Queued,

    /// <summary>Claimed by a sender until <see cref="OutgoingMail.ClaimedUntil"/>.</summary>
    Sending,

    /// <summary>Accepted by the SMTP server; text and address are gone.</summary>
    Sent,

    /// <summary>Refused for good, failed too often, or interrupted while sending: waits for an operator.</summary>
    SetAside,
}

/// <summary>
/// A message to a resident, saved in the same transaction as the change it tells of and sent after
/// commit by the <see cref="MailSender{TContext}"/>. It holds the finished MIME message and the
/// address only until the server accepted it.
/// </summary>
public sealed class OutgoingMail
{
    public const string Table = "OutgoingMails";

    /// <summary>Also the message's Message-ID: a copy sent again is recognisable as the same message.</summary>
    public Guid Id { get; init; }

    /// <summary>What kind of message, e.g. <c>appointment-confirmed</c>.</summary>
    public required string Kind { get; init; }

    public required string Language { get; init; }

    /// <summary>The booking the message is about: its pending messages are withdrawn with it.</summary>
    public Guid? About { get; init; }

    public string? Recipient { get; set; }

    public byte[]? Content { get; set; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it was first due: at once, or the planned time of a reminder.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset NextAttemptAt { get; set; }

    public int Attempts { get; set; }

    public MailState State { get; set; }

    public DateTimeOffset? ClaimedUntil { get; set; }

    /// <summary>When it was sent or set aside.</summary>
    public DateTimeOffset? DoneAt { get; set; }

    /// <summary>Why the last attempt failed, in the server's or the sender's words (never the address).</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// This new row as <c>INSERT INTO "OutgoingMails" … SELECT … FROM <paramref name="source"/></c> for
    /// a hand-written statement (see <c>OutboxMessage.InsertFrom</c>): queued only if the change it
    /// tells of is made by the same statement.
    /// </summary>
    public string InsertFrom(string source, NpgsqlParameterCollection parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var first = parameters.Count + 1;
        parameters.Add(new NpgsqlParameter { Value = Id });
        parameters.Add(new NpgsqlParameter { Value = Kind });
        parameters.Add(new NpgsqlParameter { Value = Language });
        parameters.Add(new NpgsqlParameter { Value = (object?)About ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        parameters.Add(new NpgsqlParameter { Value = (object?)Recipient ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        parameters.Add(new NpgsqlParameter { Value = (object?)Content ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bytea });
        parameters.Add(new NpgsqlParameter { Value = CreatedAt.ToUniversalTime() });
        parameters.Add(new NpgsqlParameter { Value = DueAt.ToUniversalTime() });
        parameters.Add(new NpgsqlParameter { Value = NextAttemptAt.ToUniversalTime() });
        parameters.Add(new NpgsqlParameter { Value = State.ToString() });
        return $"""
            INSERT INTO "{Table}" ("Id", "Kind", "Language", "About", "Recipient", "Content", "CreatedAt", "DueAt", "NextAttemptAt", "State", "Attempts")
            SELECT ${first}, ${first + 1}, ${first + 2}, ${first + 3}, ${first + 4}, ${first + 5}, ${first + 6}, ${first + 7}, ${first + 8}, ${first + 9}, 0 FROM {source}
            """;
    }
}
