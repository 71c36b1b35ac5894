<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CallInsModel</name>
    <message>
        <source>Inbjudna i alla steg (föreslagna till deltagit)</source>
        <translation>Invitees at every step (proposed to attended)</translation>
    </message>
    <message>
        <source>Deltog i mötet</source>
        <translation>Attended the meeting</translation>
    </message>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Rubrik</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Venue</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Grupper</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Inbjudna</source>
        <translation>Invitees</translation>
    </message>
    <message>
        <source>Deltog</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>ej bestämt</source>
        <translation>not set</translation>
    </message>
    <message>
        <source>(utan rubrik)</source>
        <translation>(untitled)</translation>
    </message>
</context>
</TS>