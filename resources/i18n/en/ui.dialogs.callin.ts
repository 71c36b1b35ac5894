<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>CallInWindow</name>
    <message>
        <source>Call-in</source>
        <translation>Call-in</translation>
    </message>
    <message>
        <source>Uppgifter</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Inbjudna</source>
        <translation>Invitees</translation>
    </message>
    <message>
        <source>Logistik</source>
        <translation>Logistics</translation>
    </message>
    <message>
        <source>Brev</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>(utan rubrik)</source>
        <translation>(untitled)</translation>
    </message>
    <message>
        <source>Call-in: %1</source>
        <translation>Call-in: %1</translation>
    </message>
    <message>
        <source>datum ej bestämt</source>
        <translation>date not set</translation>
    </message>
    <message>
        <source>Call-in har tagits bort</source>
        <translation>The call-in has been deleted</translation>
    </message>
</context>
</TS>