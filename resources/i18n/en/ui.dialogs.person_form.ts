<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PersonForm</name>
    <message>
        <source>ÅÅÅÅ-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
    </message>
    <message>
        <source>Separera med kommatecken</source>
        <translation>Separate with commas</translation>
    </message>
    <message>
        <source>ÅÅÅÅMMDD-NNNN</source>
        <translation>YYYYMMDD-NNNN</translation>
    </message>
    <message>
        <source>Fylls i från personnumret när det finns ett</source>
        <translation>Filled in from the personal identity number when there is one</translation>
    </message>
    <message>
        <source>Visa</source>
        <translation>Show</translation>
    </message>
    <message>
        <source>Visa hela personnumret (loggas, kräver syfte)</source>
        <translation>Show the full personal identity number (logged, needs a purpose)</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Förnamn *</source>
        <translation>First name *</translation>
    </message>
    <message>
        <source>Efternamn *</source>
        <translation>Last name *</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Aliases</translation>
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
        <source>Postnummer</source>
        <translation>Postcode</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>City</translation>
    </message>
    <message>
        <source>Frivård</source>
        <translation>Probation service</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Kontor</source>
        <translation>Office</translation>
    </message>
    <message>
        <source>Ansvarig handläggare</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Anteckningar</source>
        <translation>Notes</translation>
    </message>
</context>
</TS>
