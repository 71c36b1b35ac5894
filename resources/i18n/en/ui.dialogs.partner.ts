<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>PartnerDialog</name>
    <message>
        <source>måste fyllas i</source>
        <translation>is required</translation>
    </message>
    <message>
        <source>Ny partner</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>Ändra partner</source>
        <translation>Edit partner</translation>
    </message>
    <message>
        <source>44 tecken base64 (valfritt)</source>
        <translation>44 characters of base64 (optional)</translation>
    </message>
    <message>
        <source>UUID (valfritt)</source>
        <translation>UUID (optional)</translation>
    </message>
    <message>
        <source>Namn:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Typ:</source>
        <translation>Kind:</translation>
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
        <source>Enhets-id:</source>
        <translation>Unit id:</translation>
    </message>
    <message>
        <source>Anteckningar:</source>
        <translation>Notes:</translation>
    </message>
    <message>
        <source>Nycklarna och enhets-id:t får du av partnern (i Mottryck: Partner → Vår enhet, eller 'mottryck keys show'). Utan signeringsnyckel och enhets-id kan vi skicka till partnern men inte ta emot buntar från den. Jämför fingeravtrycket per telefon innan du litar på nycklarna.</source>
        <translation>The partner gives you the keys and the unit id (in Mottryck: Partners → Our unit, or 'mottryck keys show'). Without a signing key and unit id we can send to the partner but not accept bundles from it. Compare the fingerprint by phone before you trust the keys.</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Typen väljs när partnern läggs till.</source>
        <translation>The kind is chosen when the partner is added.</translation>
    </message>
</context>
</TS>