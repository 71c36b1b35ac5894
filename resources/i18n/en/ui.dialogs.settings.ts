<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Inställningar</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Mottryck låses när ingen har använt tangentbordet eller musen så här länge, och när datorn går i viloläge.</source>
        <translation>Mottryck locks when nobody has used the keyboard or mouse for this long, and when the computer goes to sleep.</translation>
    </message>
    <message>
        <source>&amp;Språk</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <source>Lås &amp;automatiskt efter</source>
        <translation>Lock &amp;automatically after</translation>
    </message>
    <message>
        <source>Just nu bestämmer miljövariabeln %1 språket.</source>
        <translation>The environment variable %1 decides the language at the moment.</translation>
    </message>
    <message>
        <source>Fönstren byter språk när du trycker OK; osparade formulär följer med.</source>
        <translation>The windows change language when you press OK; unsaved forms come along.</translation>
    </message>
</context>
</TS>