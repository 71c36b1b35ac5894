<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>RecordCountsModel</name>
    <message>
        <source>Slags uppgifter</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <source>Poster</source>
        <translation>Records</translation>
    </message>
</context>
<context>
    <name>ReviewPreviewModel</name>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Uppgift</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Behålls</source>
        <translation>Kept</translation>
    </message>
    <message>
        <source>Andra värdet</source>
        <translation>Other value</translation>
    </message>
</context>
<context>
    <name>TableChangesModel</name>
    <message>
        <source>Slags uppgifter</source>
        <translation>Kind of data</translation>
    </message>
    <message>
        <source>Nya</source>
        <translation>New</translation>
    </message>
    <message>
        <source>Ändrade</source>
        <translation>Changed</translation>
    </message>
    <message>
        <source>Oförändrade</source>
        <translation>Unchanged</translation>
    </message>
    <message>
        <source>Att granska</source>
        <translation>To review</translation>
    </message>
</context>
</TS>
