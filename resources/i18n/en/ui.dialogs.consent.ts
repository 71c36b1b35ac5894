<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Nytt samtycke</source>
        <translation>New consent</translation>
    </message>
    <message>
        <source>Ändra samtycke</source>
        <translation>Edit consent</translation>
    </message>
    <message>
        <source>Vad %1 har samtyckt till att arbetsgruppen lämnar ut, och till vem.</source>
        <translation>What %1 has agreed the working group may share, and with whom.</translation>
    </message>
    <message>
        <source>Personen själv, eller vårdnadshavaren för den som är under 18</source>
        <translation>The person, or the guardian of someone under 18</translation>
    </message>
    <message>
        <source>T.ex. remiss till stödsamtal hos socialtjänsten</source>
        <translation>E.g. referral to support talks at social services</translation>
    </message>
    <message>
        <source>Vilka verksamheter som får uppgifterna</source>
        <translation>Which organisations receive the details</translation>
    </message>
    <message>
        <source>Uppgifter som inte får lämnas ut</source>
        <translation>Details that must not be shared</translation>
    </message>
    <message>
        <source>Lämnat den *</source>
        <translation>Given on *</translation>
    </message>
    <message>
        <source>Lämnat av *</source>
        <translation>Given by *</translation>
    </message>
    <message>
        <source>Ändamål *</source>
        <translation>Purpose *</translation>
    </message>
    <message>
        <source>Delas med</source>
        <translation>Shared with</translation>
    </message>
    <message>
        <source>Undantas</source>
        <translation>Withheld</translation>
    </message>
    <message>
        <source>Skäl till undantaget</source>
        <translation>Reason for withholding</translation>
    </message>
    <message>
        <source>Rättslig grund</source>
        <translation>Legal basis</translation>
    </message>
    <message>
        <source>Spara</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>WithdrawConsentDialog</name>
    <message>
        <source>Återkalla samtycke</source>
        <translation>Withdraw consent</translation>
    </message>
    <message>
        <source>Samtycke lämnat %1 av %2: %3</source>
        <translation>Consent given %1 by %2: %3</translation>
    </message>
    <message>
        <source>Från och med återkallelsen täcker samtycket inga nya steg, och det går inte att ändra eller ångra.</source>
        <translation>From the withdrawal on, the consent covers no new step, and it cannot be changed or undone.</translation>
    </message>
    <message>
        <source>1 remiss har skickats på samtycket; den markeras så att inget mer lämnas ut.</source>
        <translation>1 referral was sent on the consent; it is flagged so that nothing more is shared.</translation>
    </message>
    <message>
        <source>%1 remisser har skickats på samtycket; de markeras så att inget mer lämnas ut.</source>
        <translation>%1 referrals were sent on the consent; they are flagged so that nothing more is shared.</translation>
    </message>
    <message>
        <source>Återkallat den</source>
        <translation>Withdrawn on</translation>
    </message>
    <message>
        <source>Återkalla samtycket</source>
        <translation>Withdraw the consent</translation>
    </message>
</context>
</TS>
