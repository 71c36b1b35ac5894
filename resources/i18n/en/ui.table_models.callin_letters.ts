<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>PrintedLettersModel</name>
    <message>
        <source>Mottagare</source>
        <translation>Recipient</translation>
    </message>
    <message>
        <source>Brev</source>
        <translation>Letters</translation>
    </message>
    <message>
        <source>Utskrivet</source>
        <translation>Printed</translation>
    </message>
    <message>
        <source>Mall (version, språk)</source>
        <translation>Template (version, language)</translation>
    </message>
    <message>
        <source>Som</source>
        <translation>As</translation>
    </message>
    <message>
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <source>(borttagen person)</source>
        <translation>(deleted person)</translation>
    </message>
    <message>
        <source>Inbjudan</source>
        <translation>Invitation</translation>
    </message>
    <message>
        <source>Brev till deltagare</source>
        <translation>Letter to attendee</translation>
    </message>
    <message>
        <source>%1, version %2, %3</source>
        <translation>%1, version %2, %3</translation>
    </message>
    <message>
        <source>Utskrift</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
</context>
</TS>