using Microsoft.Extensions.Options;

namespace LivePersonEscalation.Internal;

/// <summary>Checks the data-annotation rules of <see cref="EscalationOptions"/>; generated at compile time, no reflection.</summary>
[OptionsValidator]
internal sealed partial class EscalationOptionsAttributeValidator : IValidateOptions<EscalationOptions>;
