<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>InviteesModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Frivård</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>Skäl</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kallad (hur, av vem)</source>
        <translation>Invited (how, by whom)</translation>
    </message>
    <message>
        <source>Utcheckad</source>
        <translation>Signed out</translation>
    </message>
    <message>
        <source>Dubbelklicka för att öppna personen</source>
        <translation>Double-click to open the person</translation>
    </message>
</context>
</TS>