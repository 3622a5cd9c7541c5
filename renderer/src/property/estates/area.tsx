import { AreaField as Area } from '../../components/AreaField';
import type { ZodForm } from '../../components/useZodForm';

/** The estate's floor area, typed in m² and kept as the schema's `floorAreaHundredths`. */
export const AreaField = ({ form, label }: { form: ZodForm; label: string }) => <Area form={form} name="floorAreaHundredths" label={label} />;
