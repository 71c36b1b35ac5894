<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1">
<context>
    <name>AuditTableModel</name>
    <message>
        <source>Nr</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Användare</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Händelse</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Posttyp</source>
        <translation>Record type</translation>
    </message>
    <message>
        <source>Post-id</source>
        <translation>Record id</translation>
    </message>
    <message>
        <source>Syfte</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Detaljer</source>
        <translation>Details</translation>
    </message>
</context>
</TS>