<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PersonDialog</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Hämtar…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
    <message>
        <source>Födelsedatum</source>
        <translation>Date of birth</translation>
    </message>
    <message>
        <source>Grupper nu</source>
        <translation>Current groups</translation>
    </message>
    <message>
        <source>Telefon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>E-post</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Adress</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Frivårdsstatus</source>
        <translation>Probation status</translation>
    </message>
    <message>
        <source>Frivårdsperiod</source>
        <translation>Probation period</translation>
    </message>
    <message>
        <source>Frivårdskontor</source>
        <translation>Probation office</translation>
    </message>
    <message>
        <source>Ansvarig handläggare</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Kan inte visa personen</source>
        <translation>Cannot show this person</translation>
    </message>
</context>
</TS>
