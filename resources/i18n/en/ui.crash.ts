<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>crash</name>
    <message>
        <source>Ett oväntat fel inträffade. Inget har sparats av det du just gjorde.</source>
        <translation>An unexpected error occurred. Nothing of what you just did was saved.</translation>
    </message>
    <message>
        <source>En felrapport utan personuppgifter finns i %1.</source>
        <translation>An error report without personal data is in %1.</translation>
    </message>
    <message>
        <source>Mottryck</source>
        <translation>Mottryck</translation>
    </message>
    <message>
        <source>Lås och lås upp valvet om något ser fel ut.</source>
        <translation>Lock and unlock the vault if anything looks wrong.</translation>
    </message>
</context>
</TS>
