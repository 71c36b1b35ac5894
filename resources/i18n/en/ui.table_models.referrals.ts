<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReferralHistoryModel</name>
    <message>
        <source>Datum</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Steg</source>
        <translation>Step</translation>
    </message>
    <message>
        <source>Av</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Samtycke eller skäl</source>
        <translation>Consent or reason</translation>
    </message>
    <message>
        <source>Utan samtycke: %1</source>
        <translation>Without consent: %1</translation>
    </message>
    <message>
        <source>samtycke</source>
        <translation>consent</translation>
    </message>
</context>
<context>
    <name>ReferralsModel</name>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Insats</source>
        <translation>Support</translation>
    </message>
    <message>
        <source>Utförare</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Föreslagen</source>
        <translation>Proposed</translation>
    </message>
    <message>
        <source>Följs upp senast</source>
        <translation>Follow up by</translation>
    </message>
    <message>
        <source>Ansvarig</source>
        <translation>Responsible</translation>
    </message>
    <message>
        <source>Samtycke</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>1 dag sen</source>
        <translation>1 day late</translation>
    </message>
    <message>
        <source>%1 dagar sen</source>
        <translation>%1 days late</translation>
    </message>
    <message>
        <source>Utföraren är arkiverad</source>
        <translation>The provider is archived</translation>
    </message>
    <message>
        <source>ej vald</source>
        <translation>not chosen</translation>
    </message>
</context>
</TS>
