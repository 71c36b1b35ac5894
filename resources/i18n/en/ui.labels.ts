<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>labels</name>
    <message>
        <source>Ingen</source>
        <translation>None</translation>
    </message>
    <message>
        <source>Villkorligt frigiven</source>
        <translation>Conditionally released</translation>
    </message>
    <message>
        <source>Skyddstillsyn</source>
        <translation>Probation</translation>
    </message>
    <message>
        <source>Ungdomsövervakning</source>
        <translation>Youth supervision</translation>
    </message>
    <message>
        <source>Intensivövervakning</source>
        <translation>Intensive supervision (tag)</translation>
    </message>
    <message>
        <source>Annan</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>%1 person</source>
        <translation>%1 person</translation>
    </message>
    <message>
        <source>%1 personer</source>
        <translation>%1 people</translation>
    </message>
    <message>
        <source>%1 träff</source>
        <translation>%1 match</translation>
    </message>
    <message>
        <source>%1 träffar</source>
        <translation>%1 matches</translation>
    </message>
</context>
</TS>
