<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RelationsModel</name>
    <message>
        <source>Grupp</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Intensitet</source>
        <translation>Intensity</translation>
    </message>
    <message>
        <source>Sedan</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Utlösande händelse</source>
        <translation>Triggering incident</translation>
    </message>
</context>
</TS>
