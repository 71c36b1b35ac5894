<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PeriodFilter</name>
    <message>
        <source>Från och med (tomt: från början)</source>
        <translation>From (empty: from the start)</translation>
    </message>
    <message>
        <source>Till och med (tomt: till i dag)</source>
        <translation>To and including (empty: until today)</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Period:</translation>
    </message>
    <message>
        <source>30 dagar</source>
        <translation>30 days</translation>
    </message>
    <message>
        <source>12 månader</source>
        <translation>12 months</translation>
    </message>
    <message>
        <source>Allt</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Från-datumet ligger efter till-datumet.</source>
        <translation>The from date is after the to date.</translation>
    </message>
</context>
</TS>
