<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsentsModel</name>
    <message>
        <source>Lämnat</source>
        <translation>Given</translation>
    </message>
    <message>
        <source>Lämnat av</source>
        <translation>Given by</translation>
    </message>
    <message>
        <source>Ändamål</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Delas med</source>
        <translation>Shared with</translation>
    </message>
    <message>
        <source>Undantas</source>
        <translation>Withheld</translation>
    </message>
    <message>
        <source>Gäller</source>
        <translation>In force</translation>
    </message>
    <message>
        <source>%1
Skäl: %2</source>
        <translation>%1
Reason: %2</translation>
    </message>
    <message>
        <source>återkallat %1</source>
        <translation>withdrawn %1</translation>
    </message>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
</context>
</TS>
