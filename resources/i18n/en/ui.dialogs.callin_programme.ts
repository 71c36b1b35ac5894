<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ProgrammeTab</name>
    <message>
        <source>Lägg till talare…</source>
        <translation>Add speaker…</translation>
    </message>
    <message>
        <source>Ändra…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Flytta upp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Flytta upp (Ctrl+Upp)</source>
        <translation>Move up (Ctrl+Up)</translation>
    </message>
    <message>
        <source>Flytta ner</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Flytta ner (Ctrl+Ner)</source>
        <translation>Move down (Ctrl+Down)</translation>
    </message>
    <message>
        <source>Sammanlagt %1 minuter</source>
        <translation>%1 minutes in all</translation>
    </message>
</context>
<context>
    <name>SpeakerDialog</name>
    <message>
        <source>Ändra talare</source>
        <translation>Edit speaker</translation>
    </message>
    <message>
        <source>Ny talare</source>
        <translation>New speaker</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Minuter</source>
        <translation>Minutes</translation>
    </message>
</context>
</TS>