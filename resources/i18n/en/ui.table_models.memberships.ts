<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>MembershipsModel</name>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Källa</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Tillförlitlighet</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Dubbelklicka för att öppna gruppen</source>
        <translation>Double-click to open the group</translation>
    </message>
    <message>
        <source>Nuvarande</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Kommande</source>
        <translation>Upcoming</translation>
    </message>
    <message>
        <source>Tidigare</source>
        <translation>Former</translation>
    </message>
</context>
</TS>
