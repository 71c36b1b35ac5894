<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AuditPage</name>
    <message>
        <source>Alla användare</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Alla händelser</source>
        <translation>All events</translation>
    </message>
    <message>
        <source>Post-id (början räcker)</source>
        <translation>Record id (the start is enough)</translation>
    </message>
    <message>
        <source>Kontrollera kedjan</source>
        <translation>Verify the chain</translation>
    </message>
    <message>
        <source>Räknar om varje händelses kontrollsumma: visar om någon händelse har ändrats, tagits bort eller lagts in i efterhand.</source>
        <translation>Recomputes every event&apos;s checksum: shows whether any event was changed, removed or inserted afterwards.</translation>
    </message>
    <message>
        <source>Misslyckad inloggning</source>
        <translation>Failed login</translation>
    </message>
    <message>
        <source>Logg</source>
        <translation>Log</translation>
    </message>
    <message>
        <source>%1 händelse</source>
        <translation>%1 event</translation>
    </message>
    <message>
        <source>%1 händelser</source>
        <translation>%1 events</translation>
    </message>
    <message>
        <source>Kontrollerar loggen…</source>
        <translation>Checking the log…</translation>
    </message>
    <message>
        <source>Kedjan är hel: alla %1 händelser är oförändrade.</source>
        <translation>The chain is intact: all %1 events are unchanged.</translation>
    </message>
    <message>
        <source>Kedjan är bruten vid händelse %1: %2. De %3 händelserna före den är oförändrade.</source>
        <translation>The chain is broken at event %1: %2. The %3 events before it are unchanged.</translation>
    </message>
    <message>
        <source>Händelsen gäller ingen post som kan öppnas.</source>
        <translation>The event is not about a record that can be opened.</translation>
    </message>
</context>
</TS>
