<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>PeopleTableModel</name>
    <message>
        <source>De fyra sista siffrorna visas inte i listor.</source>
        <translation>The last four digits are not shown in lists.</translation>
    </message>
    <message>
        <source>Klicka för att vända sorteringen (efternamn, förnamn).</source>
        <translation>Click to reverse the order (last name, first name).</translation>
    </message>
    <message>
        <source>Efternamn</source>
        <translation>Last name</translation>
    </message>
    <message>
        <source>Förnamn</source>
        <translation>First name</translation>
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
        <source>Frivårdsstatus</source>
        <translation>Probation status</translation>
    </message>
</context>
</TS>
