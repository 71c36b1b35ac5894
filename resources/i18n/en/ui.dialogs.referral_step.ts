<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ReferralStepDialog</name>
    <message>
        <source>Nästa uppföljning; lämna tomt för att behålla %1</source>
        <translation>Next follow-up; leave empty to keep %1</translation>
    </message>
    <message>
        <source>inget datum</source>
        <translation>no date</translation>
    </message>
    <message>
        <source>Datum *</source>
        <translation>Date *</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Till</source>
        <translation>To</translation>
    </message>
    <message>
        <source>Följs upp senast</source>
        <translation>Follow up by</translation>
    </message>
    <message>
        <source>Samtycke som täcker utlämnandet</source>
        <translation>Consent that covers the sharing</translation>
    </message>
    <message>
        <source>Registrera samtycke…</source>
        <translation>Record consent…</translation>
    </message>
    <message>
        <source>Personen har samtyckt nu: registrera det och välj det här</source>
        <translation>The person has just consented: record it and choose it here</translation>
    </message>
    <message>
        <source>Gå vidare utan samtycke</source>
        <translation>Go ahead without consent</translation>
    </message>
    <message>
        <source>Skälet att lämna ut uppgifterna utan samtycke, t.ex. nödvändigt utlämnande enligt OSL 10 kap. 2 §</source>
        <translation>The reason to share the details without consent, e.g. necessary disclosure under OSL chapter 10 section 2</translation>
    </message>
    <message>
        <source>Skälet är obligatoriskt. Det sparas i remissens historik, och att steget togs utan samtycke loggas.</source>
        <translation>The reason is required. It is kept in the referral&apos;s history, and that the step was taken without consent is logged.</translation>
    </message>
    <message>
        <source>Personen har inget samtycke som gäller %1. Registrera samtycket, eller gå vidare utan och skriv skälet.</source>
        <translation>The person has no consent in force on %1. Record the consent, or go ahead without one and write the reason.</translation>
    </message>
</context>
</TS>
