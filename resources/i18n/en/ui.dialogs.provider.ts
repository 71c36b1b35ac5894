<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ProviderDialog</name>
    <message>
        <source>Ny utförare</source>
        <translation>New provider</translation>
    </message>
    <message>
        <source>Ändra utförare</source>
        <translation>Edit provider</translation>
    </message>
    <message>
        <source>T.ex. Arbetsmarknadsenheten Norr</source>
        <translation>E.g. the North employment unit</translation>
    </message>
    <message>
        <source>T.ex. stad eller stadsdel</source>
        <translation>E.g. town or district</translation>
    </message>
    <message>
        <source>Vad utföraren erbjuder, för vem, väntetid</source>
        <translation>What the provider offers, for whom, waiting time</translation>
    </message>
    <message>
        <source>Namn *</source>
        <translation>Name *</translation>
    </message>
    <message>
        <source>Insatser *</source>
        <translation>Support *</translation>
    </message>
    <message>
        <source>Kontaktperson</source>
        <translation>Contact person</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Vad som erbjuds</source>
        <translation>What is offered</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
</context>
</TS>
