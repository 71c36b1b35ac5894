<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>FrivardEndingModel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Frivård</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>Upphör</source>
        <translation>Ends</translation>
    </message>
    <message>
        <source>Dagar kvar</source>
        <translation>Days left</translation>
    </message>
</context>
<context>
    <name>ReferralsOverdueModel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Insats</source>
        <translation>Service</translation>
    </message>
    <message>
        <source>Skulle vara klar</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Dagar sen</source>
        <translation>Days late</translation>
    </message>
</context>
<context>
    <name>ReviewsDueModel</name>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Omprövas</source>
        <translation>Review date</translation>
    </message>
    <message>
        <source>Dagar sedan</source>
        <translation>Days ago</translation>
    </message>
</context>
<context>
    <name>UncodedModel</name>
    <message>
        <source>Tidpunkt</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
</context>
</TS>
