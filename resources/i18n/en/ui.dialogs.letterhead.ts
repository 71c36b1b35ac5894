<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>LetterheadDialog</name>
    <message>
        <source>Brevhuvud och kontakt</source>
        <translation>Letterhead and contact</translation>
    </message>
    <message>
        <source>Ett namn per rad, t.ex. Polisen</source>
        <translation>One name per line, e.g. Polisen</translation>
    </message>
    <message>
        <source>t.ex. 040-123 45 67</source>
        <translation>e.g. 040-123 45 67</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Titel</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Samverkansparter</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Ort</source>
        <translation>Place</translation>
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
        <source>Öppettider</source>
        <translation>Opening hours</translation>
    </message>
    <message>
        <source>Underskrifter</source>
        <translation>Signatures</translation>
    </message>
    <message>
        <source>Returadress</source>
        <translation>Return address</translation>
    </message>
    <message>
        <source>Det här står på varje brev som skrivs ut. Samverkansparter, kontaktperson, telefon och minst en underskrift behövs innan brev kan skrivas ut.</source>
        <translation>This appears on every printed letter. Partners, contact person, phone and at least one signature are needed before letters can be printed.</translation>
    </message>
</context>
</TS>