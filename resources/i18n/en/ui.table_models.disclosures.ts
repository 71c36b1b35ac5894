<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>DisclosuresModel</name>
    <message>
        <source>Tid</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Riktning</source>
        <translation>Direction</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Rättslig grund</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Ändamål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>Records</translation>
    </message>
    <message>
        <source>Användare</source>
        <translation>User</translation>
    </message>
</context>
</TS>