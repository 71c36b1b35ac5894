<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>PartnersModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Typ</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Fingeravtryck</source>
        <translation>Fingerprint</translation>
    </message>
    <message>
        <source>Kan ta emot</source>
        <translation>Can receive</translation>
    </message>
    <message>
        <source>Kan skicka till oss</source>
        <translation>Can send to us</translation>
    </message>
    <message>
        <source>Spärrad</source>
        <translation>Revoked</translation>
    </message>
    <message>
        <source>Ja</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nej</source>
        <translation>No</translation>
    </message>
    <message>
        <source>(signeringsnyckel saknas)</source>
        <translation>(signing key missing)</translation>
    </message>
    <message>
        <source>Spärrad: buntar från partnern tas inte emot.</source>
        <translation>Revoked: bundles from the partner are not accepted.</translation>
    </message>
    <message>
        <source>Ange partnerns signeringsnyckel och enhets-id för att kunna ta emot buntar från den.</source>
        <translation>Enter the partner's signing key and unit id to accept bundles from it.</translation>
    </message>
</context>
</TS>