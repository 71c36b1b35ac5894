<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>IncidentTableModel</name>
    <message>
        <source>Tidpunkt</source>
        <translation>Date and time</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Plats</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>GMI</source>
        <translation>GMI</translation>
    </message>
    <message>
        <source>Skadade</source>
        <translation>Injured</translation>
    </message>
    <message>
        <source>Döda</source>
        <translation>Killed</translation>
    </message>
    <message>
        <source>Inblandade grupper</source>
        <translation>Groups involved</translation>
    </message>
    <message>
        <source>Klicka för att sortera; klicka igen för att vända ordningen.</source>
        <translation>Click to sort; click again to reverse the order.</translation>
    </message>
</context>
</TS>
