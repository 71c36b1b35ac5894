<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>GroupMembersModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Roll</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Från</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>Until</translation>
    </message>
    <message>
        <source>Medlem</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nuvarande</source>
        <translation>Current</translation>
    </message>
    <message>
        <source>Tidigare</source>
        <translation>Former</translation>
    </message>
</context>
<context>
    <name>PersonPickModel</name>
    <message>
        <source>Namn</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Personnummer</source>
        <translation>Personal identity number</translation>
    </message>
</context>
</TS>
