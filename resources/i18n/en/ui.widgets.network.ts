<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NetworkScene</name>
    <message>
        <source>%1 nuvarande medlemmar</source>
        <translation>%1 current members</translation>
    </message>
    <message>
        <source>prioritet %1</source>
        <translation>priority %1</translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <source>intensitet %1 av 5, sedan %2</source>
        <translation>intensity %1 of 5, since %2</translation>
    </message>
</context>
</TS>
