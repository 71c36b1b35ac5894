<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US">
<context>
    <name>ProgrammePage</name>
    <message>
        <source>Program</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Talarna i den ordning de talar, med roll och minuter.</source>
        <translation>The speakers in the order they speak, with role and minutes.</translation>
    </message>
    <message>
        <source>Namn och gärna titel, t.ex. Eva Ek, åklagare</source>
        <translation>Name and preferably title, e.g. Eva Ek, prosecutor</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>ej bestämt</source>
        <translation>not decided</translation>
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
    <message>
        <source>Lägg till talare</source>
        <translation>Add speaker</translation>
    </message>
    <message>
        <source>Ta bort</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Flytta upp</source>
        <translation>Move up</translation>
    </message>
    <message>
        <source>Flytta ner</source>
        <translation>Move down</translation>
    </message>
    <message>
        <source>Flytta upp (Alt+Upp)</source>
        <translation>Move up (Alt+Up)</translation>
    </message>
    <message>
        <source>Flytta ner (Alt+Ner)</source>
        <translation>Move down (Alt+Down)</translation>
    </message>
    <message>
        <source>Total tid: %1 min</source>
        <translation>Total time: %1 min</translation>
    </message>
    <message>
        <source>Lägg till minst en talare.</source>
        <translation>Add at least one speaker.</translation>
    </message>
    <message>
        <source>namn saknas</source>
        <translation>name missing</translation>
    </message>
    <message>
        <source>antal minuter saknas</source>
        <translation>minutes missing</translation>
    </message>
    <message>
        <source>Talare %1: %2</source>
        <translation>Speaker %1: %2</translation>
    </message>
</context>
</TS>