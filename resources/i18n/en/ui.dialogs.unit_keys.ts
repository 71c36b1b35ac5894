<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>UnitKeysDialog</name>
    <message>
        <source>Vår enhet</source>
        <translation>Our unit</translation>
    </message>
    <message>
        <source>Enhets-id:</source>
        <translation>Unit id:</translation>
    </message>
    <message>
        <source>Age-mottagare:</source>
        <translation>Age recipient:</translation>
    </message>
    <message>
        <source>Signeringsnyckel:</source>
        <translation>Signing key:</translation>
    </message>
    <message>
        <source>Kopiera</source>
        <translation>Copy</translation>
    </message>
    <message>
        <source>Kopiera allt</source>
        <translation>Copy all</translation>
    </message>
    <message>
        <source>Ge partnern de här tre uppgifterna (e-post går bra: de är inte hemliga). Ring sedan upp och läs fingeravtrycket för varandra: stämmer det med det partnern ser hos sig är nycklarna våra och inte någon annans.</source>
        <translation>Give the partner these three values (e-mail is fine: they are not secret). Then call and read the fingerprint to each other: if it matches what the partner sees, the keys are ours and nobody else's.</translation>
    </message>
    <message>
        <source>Stäng</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Fingeravtryck:</source>
        <translation>Fingerprint:</translation>
    </message>
    <message>
        <source>Enhet: %1</source>
        <translation>Unit: %1</translation>
    </message>
    <message>
        <source>Enhets-id: %1</source>
        <translation>Unit id: %1</translation>
    </message>
    <message>
        <source>Age-mottagare: %1</source>
        <translation>Age recipient: %1</translation>
    </message>
    <message>
        <source>Signeringsnyckel: %1</source>
        <translation>Signing key: %1</translation>
    </message>
    <message>
        <source>Fingeravtryck: %1</source>
        <translation>Fingerprint: %1</translation>
    </message>
    <message>
        <source>Kopierat. Urklippet töms när valvet låses.</source>
        <translation>Copied. The clipboard is cleared when the vault locks.</translation>
    </message>
</context>
</TS>