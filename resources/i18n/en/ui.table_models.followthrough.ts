<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RoundsModel</name>
    <message>
        <source>Avslutad</source>
        <translation>Ended</translation>
    </message>
    <message>
        <source>Börjar %1</source>
        <translation>Starts %1</translation>
    </message>
    <message>
        <source>Pågår</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Inte ännu</source>
        <translation>Not yet</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Slut</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Åtgärder</source>
        <translation>Measures</translation>
    </message>
    <message>
        <source>Myndigheter</source>
        <translation>Agencies</translation>
    </message>
    <message>
        <source>Läge</source>
        <translation>State</translation>
    </message>
    <message>
        <source>Återkopplat</source>
        <translation>Told</translation>
    </message>
    <message>
        <source>Avslutad: %1</source>
        <translation>Ended: %1</translation>
    </message>
</context>
<context>
    <name>TriggerChoiceModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
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
