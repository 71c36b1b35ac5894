<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AttentionList</name>
    <message>
        <source>Inget att göra här just nu</source>
        <translation>Nothing to do here right now</translation>
    </message>
    <message>
        <source>Visar de %1 första av %2.</source>
        <translation>Showing the first %1 of %2.</translation>
    </message>
</context>
</TS>
