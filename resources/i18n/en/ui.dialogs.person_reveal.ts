<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RevealPurposeDialog</name>
    <message>
        <source>Visa personnummer</source>
        <translation>Show personal identity number</translation>
    </message>
    <message>
        <source>Varför behöver du se hela personnumret för %1? Syftet sparas i loggen.</source>
        <translation>Why do you need to see the full personal identity number of %1? The purpose is saved in the log.</translation>
    </message>
    <message>
        <source>T.ex. kontroll mot frivårdens register</source>
        <translation>E.g. a check against the probation service&apos;s records</translation>
    </message>
    <message>
        <source>Visa numret</source>
        <translation>Show the number</translation>
    </message>
    <message>
        <source>Avbryt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ange ett syfte: det krävs för att visa numret.</source>
        <translation>State a purpose: it is required to show the number.</translation>
    </message>
</context>
</TS>
