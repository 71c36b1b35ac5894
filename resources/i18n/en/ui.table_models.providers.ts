<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ProvidersModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Insatser</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Område</source>
        <translation>Area</translation>
    </message>
    <message>
        <source>Kontakt</source>
        <translation>Contact</translation>
    </message>
    <message>
        <source>Pågående remisser</source>
        <translation>Open referrals</translation>
    </message>
    <message>
        <source>Arkiverad: finns kvar för remisserna men väljs inte i nya</source>
        <translation>Archived: kept for its referrals but not chosen in new ones</translation>
    </message>
    <message>
        <source>%1 (arkiverad)</source>
        <translation>%1 (archived)</translation>
    </message>
</context>
</TS>
