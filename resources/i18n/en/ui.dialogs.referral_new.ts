<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>NewReferralDialog</name>
    <message>
        <source>Ny remiss</source>
        <translation>New referral</translation>
    </message>
    <message>
        <source>Sök person på namn, alias eller personnummer</source>
        <translation>Search for a person by name, alias or personal identity number</translation>
    </message>
    <message>
        <source>Person *</source>
        <translation>Person *</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Välj insats</source>
        <translation>Choose support</translation>
    </message>
    <message>
        <source>Utförare som erbjuder insatsen (arkiverade visas inte). Kan väljas senare, innan remissen skickas.</source>
        <translation>Providers offering the support (archived ones are not shown). Can be chosen later, before the referral is sent.</translation>
    </message>
    <message>
        <source>Insats *</source>
        <translation>Support *</translation>
    </message>
    <message>
        <source>Utförare</source>
        <translation>Provider</translation>
    </message>
    <message>
        <source>Föreslagen den</source>
        <translation>Proposed on</translation>
    </message>
    <message>
        <source>Följs upp senast</source>
        <translation>Follow up by</translation>
    </message>
    <message>
        <source>Ansvarig handläggare</source>
        <translation>Responsible officer</translation>
    </message>
    <message>
        <source>Anteckning</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Inget lämnas ut när remissen föreslås. Samtycket väljs när den skickas till utföraren.</source>
        <translation>Nothing is shared when the referral is proposed. The consent is chosen when it is sent to the provider.</translation>
    </message>
    <message>
        <source>Föreslå remiss</source>
        <translation>Propose referral</translation>
    </message>
    <message>
        <source>Väljs senare</source>
        <translation>Chosen later</translation>
    </message>
</context>
</TS>
