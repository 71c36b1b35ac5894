<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReviewsModel</name>
    <message>
        <source>Post</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Uppgift</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>Behållet värde</source>
        <translation>Kept value</translation>
    </message>
    <message>
        <source>Andra värdet</source>
        <translation>Other value</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Skrivet</source>
        <translation>Written</translation>
    </message>
    <message>
        <source> (borttagen)</source>
        <translation> (deleted)</translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>ja</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nej</source>
        <translation>no</translation>
    </message>
</context>
</TS>
